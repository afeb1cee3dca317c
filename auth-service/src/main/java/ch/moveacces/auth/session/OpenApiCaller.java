package ch.moveacces.auth.session;

import ch.moveacces.platform.token.AuthenticatedUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/**
 * The caller of an authenticated endpoint comes from its access token, not from the request's
 * parameters: the OpenAPI document must not offer it as one.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiCaller {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
  }
}
