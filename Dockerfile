# syntax=docker/dockerfile:1.7-labs
# Every application's image: the gateway and the five services differ only by their module and
# their ports, given as build arguments (docker compose passes them, see docker-compose.yml):
#   docker build --build-arg SERVICE=auth-service --build-arg PORT=8081 -t moveacces/auth-service .
#   docker build --build-arg SERVICE=gateway --build-arg PORT=8080 --build-arg MANAGEMENT_PORT=8090 .
# SERVICE is the Maven module; PORT its server port; MANAGEMENT_PORT where the health check asks
# (PORT unless the application serves actuator apart, as the gateway does).
ARG SERVICE
ARG PORT
ARG MANAGEMENT_PORT

# --- build: the Maven wrapper on a JDK 25, dependencies cached between builds ----------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# Every module's pom (the reactor reads them all), then the sources this image needs. What every
# application shares comes before SERVICE is declared: those layers are cached once for all six.
COPY --parents mvnw .mvn pom.xml */pom.xml platform/*/pom.xml ./
COPY platform/ platform/
ARG SERVICE
RUN : "${SERVICE:?build with --build-arg SERVICE=<module>}"
COPY ${SERVICE}/ ${SERVICE}/
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl ${SERVICE} -am package -DskipTests -Dspotless.check.skip=true \
 && cp ${SERVICE}/target/${SERVICE}-*.jar /src/app.jar \
 && java -Djarmode=tools -jar /src/app.jar extract --layers --launcher --destination /layers

# --- run: a Java 25 JRE, a user without privileges, the jar's layers (stable ones first) -----
FROM eclipse-temurin:25-jre
ARG SERVICE
ARG PORT
ARG MANAGEMENT_PORT
RUN : "${PORT:?build with --build-arg PORT=<server port>}" \
 && groupadd --system --gid 10001 moveacces \
 && useradd --system --uid 10001 --gid moveacces --home-dir /app --shell /usr/sbin/nologin moveacces
WORKDIR /app
# The port the health check asks when it is given none.
ENV HEALTHCHECK_PORT=${MANAGEMENT_PORT:-$PORT}
# GET /actuator/health/readiness on the port given (bash's /dev/tcp: no curl in the image).
RUN printf '%s\n' \
      '#!/bin/bash' \
      'exec 3<>"/dev/tcp/127.0.0.1/${1:-$HEALTHCHECK_PORT}" || exit 1' \
      'printf "GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3' \
      'IFS=" " read -r _ status _ <&3' \
      '[[ "$status" == 200 ]]' \
      > /app/healthcheck \
 && chmod 755 /app/healthcheck
COPY --from=build --chown=moveacces:moveacces /layers/dependencies/ ./
COPY --from=build --chown=moveacces:moveacces /layers/spring-boot-loader/ ./
COPY --from=build --chown=moveacces:moveacces /layers/snapshot-dependencies/ ./
COPY --from=build --chown=moveacces:moveacces /layers/application/ ./
USER 10001:10001
EXPOSE ${PORT} ${HEALTHCHECK_PORT}
LABEL org.opencontainers.image.title=${SERVICE}
# Container-aware heap, a clean exit on OutOfMemoryError (the container is restarted), native
# access for JNA (argon2, without the restricted-method warning), temporary files in /tmp (the
# root file system may be read-only). JAVA_OPTS adds flags per deployment; later flags win.
ENV JAVA_OPTS=""
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=6 CMD ["/app/healthcheck"]
ENTRYPOINT ["sh", "-c", "exec java -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=/tmp -Djna.tmpdir=/tmp $JAVA_OPTS org.springframework.boot.loader.launch.JarLauncher"]
