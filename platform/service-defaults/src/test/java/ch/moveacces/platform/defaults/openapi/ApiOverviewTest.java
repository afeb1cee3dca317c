package ch.moveacces.platform.defaults.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

class ApiOverviewTest {

  final ApiOverview overview =
      new ApiOverview("a-service", "What it does.", "1.0", "https://api.example.ch");

  @Test
  void addsOnlyTheSharedResponsesThatOperationsReferTo() {
    OpenAPI api =
        new OpenAPI()
            .paths(
                new Paths()
                    .addPathItem(
                        "/things",
                        new PathItem()
                            .get(
                                new Operation()
                                    .responses(
                                        new ApiResponses()
                                            .addApiResponse("200", new ApiResponse())
                                            .addApiResponse(
                                                "401", new ApiResponse().$ref("Unauthorized"))))));

    overview.customise(api);

    assertThat(api.getComponents().getResponses()).containsOnlyKeys("Unauthorized");
    assertThat(api.getComponents().getSchemas()).containsKey("ProblemDetail");
    assertThat(api.getComponents().getSecuritySchemes()).containsKey(ApiSecurity.BEARER);
  }

  @Test
  void namesTheGatewayAsTheOnlyServer() {
    OpenAPI api = new OpenAPI();

    overview.customise(api);

    assertThat(api.getServers())
        .singleElement()
        .satisfies(server -> assertThat(server.getUrl()).isEqualTo("https://api.example.ch"));
    assertThat(api.getInfo().getTitle()).isEqualTo("a-service");
    assertThat(api.getInfo().getVersion()).isEqualTo("1.0");
    assertThat(api.getInfo().getDescription()).isEqualTo("What it does.");
  }
}
