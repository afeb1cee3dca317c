# Move Acces: the common commands. `make help` lists them.
# The devstack and the tests need only a JDK 25; the docker targets need Docker with Compose v2.

SHELL := /bin/bash
JAVA_HOME ?= /usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
MVNW := ./mvnw -B -ntp
COMPOSE := docker compose
COMPOSE_PROD := docker compose -f docker-compose.yml -f docker-compose.prod.yml
LEGACY_SQL := platform/legacy-schema/src/main/resources/ch/moveacces/legacy
DB_SERVICES := auth-service profile-service subscription-service audit-service

# bench: the simulation and where the devstack answers (its fixed ports by default)
SIMULATION ?= UsersMeSimulation
GATEWAY ?= http://127.0.0.1:8080
AUTH ?= http://127.0.0.1:8081
PROFILE ?= http://127.0.0.1:8082
# EventsSimulation reads audit_logs with audit-service's dev-only account
DATABASE ?= jdbc:mariadb://127.0.0.1:3306/moveacces?user=moveacces_audit&password=dev-only-audit-password
# the devstack's applications run C1-only on the serial collector for a quick, small start; a
# benchmark measures them as the images run on a host of 2 CPUs or more: fully compiled, on G1
BENCH_JVM ?= -XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC -Xmx512m

.DEFAULT_GOAL := help
.PHONY: help up-build up down logs migrate seed test-backend test-mobile prod-up prod-db-setup \
	prod-down run bench bench-devstack validate-deploy signing-key audit-verify \
	audit-replay-dead-letters

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

up-build: ## build the images and start the docker stack (https://localhost)
	$(COMPOSE) up -d --build --wait

up: ## start the docker stack with the images already built
	$(COMPOSE) up -d --wait

down: ## stop the docker stack (volumes stay; `docker compose down -v` wipes them)
	$(COMPOSE) down

logs: ## follow every container's log (SERVICE=auth-service for one)
	$(COMPOSE) logs -f --tail=200 $(SERVICE)

# Each service runs its own Flyway migrations when it starts (history table
# flyway_history_<service>) and turns ready only once they succeeded: migrating is starting them.
migrate: ## run the services' migrations: start MySQL and each database service, wait until ready
	$(COMPOSE) up -d --wait mysql $(DB_SERVICES)
	@echo "migrations applied: each service ran its own Flyway migrations at start (flyway_history_<service>)"

seed: ## load the development seed user into the docker MySQL (idempotent; never in production)
	$(COMPOSE) exec -T mysql sh -c 'MYSQL_PWD="$$MYSQL_ROOT_PASSWORD" mysql -uroot moveacces' < $(LEGACY_SQL)/seed-data.sql
	@echo "seed user: diogofebre@gmail.com / TestPassword123!"

test-backend: ## every backend test: format check, enforcer, unit and integration tests
	$(MVNW) verify

test-mobile: ## the app's unit tests and its journeys in Chromium against a devstack (after ./mvnw package)
	bash mobile/scripts/npm-from-maven.sh test
	bash mobile/scripts/npm-from-maven.sh e2e

prod-up: ## production start (docker-compose.prod.yml; needs a complete .env, see deploy/README.md)
	$(COMPOSE_PROD) up -d --build --wait

prod-down: ## production stop
	$(COMPOSE_PROD) down

# The JDK runs the generator from its source: no build, nothing else needed. `make -s` keeps make's
# own lines out of the file; KEY_NAME=staging starts the key id with another name than moveacces.
signing-key: ## print a new ES256 signing key for AUTH_SIGNING_KEYS_FILE (make -s signing-key > keys.json)
	@"$(JAVA_HOME)/bin/java" platform/signing-key/src/main/java/ch/moveacces/platform/signing/NewSigningKey.java $(KEY_NAME)

# The audit trail's integrity, checked from outside the service: audit-service's jar in verify mode,
# reading the database with its configuration (DB_HOST, DB_PORT, DB_NAME, DB_USERNAME, DB_PASSWORD,
# AUDIT_CHECKPOINT_KEY or VERIFY_ARGS='--key-url=https://…/audit/checkpoints/key'). Exit 1: not intact.
audit-verify: ## verify the audit trail (FROM=, TO= RFC 3339, both optional; VERIFY_ARGS= more)
	@jar=$$(ls audit-service/target/audit-service-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1); \
	if [ -z "$$jar" ]; then $(MVNW) -q -pl audit-service -am package -DskipTests && \
		jar=$$(ls audit-service/target/audit-service-*.jar | grep -v -e sources -e javadoc | head -1); fi; \
	"$(JAVA_HOME)/bin/java" -jar "$$jar" verify $(if $(FROM),--from=$(FROM)) $(if $(TO),--to=$(TO)) $(VERIFY_ARGS)

# Once per database: schema, legacy tables (only if absent) and service accounts on the external
# MySQL named by DB_HOST, as MYSQL_ADMIN_USER. Reads .env; never loads seed data.
prod-db-setup: ## create the schema and the service accounts on the external MySQL
	set -a; source ./.env; set +a; \
	docker run --rm \
		-e MYSQL_HOST="$$DB_HOST" -e MYSQL_PORT="$${DB_PORT:-3306}" -e DB_NAME="$${DB_NAME:-moveacces}" \
		-e MYSQL_ADMIN_USER -e MYSQL_ADMIN_PASSWORD \
		-e AUTH_DB_PASSWORD -e PROFILE_DB_PASSWORD -e SUBSCRIPTION_DB_PASSWORD -e AUDIT_DB_PASSWORD \
		-e AUDIT_MIGRATOR_DB_PASSWORD \
		-e MOVEACCES_SEED=false \
		-v "$(CURDIR)/$(LEGACY_SQL):/moveacces/sql:ro" \
		-v "$(CURDIR)/deploy/mysql/10-moveacces.sh:/usr/local/bin/moveacces-db-setup:ro" \
		--entrypoint /usr/local/bin/moveacces-db-setup mysql:8.0.44

run: ## the devstack: the whole system on this machine, embedded engines, no Docker
	$(MVNW) -q package -DskipTests && "$(JAVA_HOME)/bin/java" -jar platform/devstack/target/devstack.jar

bench-devstack: ## a devstack whose rate limits do not throttle the load, on the full JIT (for bench)
	$(MVNW) -q package -DskipTests
	MOVEACCES_GATEWAY_RATELIMITS_API_REQUESTS=100000000 \
	MOVEACCES_GATEWAY_RATELIMITS_LOGINIP_REQUESTS=100000000 \
	MOVEACCES_GATEWAY_RATELIMITS_LOGINEMAIL_REQUESTS=100000000 \
	MOVEACCES_GATEWAY_RATELIMITS_REGISTER_REQUESTS=100000000 \
	MOVEACCES_GATEWAY_RATELIMITS_REFRESH_REQUESTS=100000000 \
	DEVSTACK_JAVA_OPTS_GATEWAY="$(BENCH_JVM)" DEVSTACK_JAVA_OPTS_AUTH_SERVICE="$(BENCH_JVM)" \
	DEVSTACK_JAVA_OPTS_PROFILE_SERVICE="$(BENCH_JVM)" DEVSTACK_JAVA_OPTS_AUDIT_SERVICE="$(BENCH_JVM)" \
	DEVSTACK_JAVA_OPTS_SUBSCRIPTION_SERVICE="$(BENCH_JVM)" DEVSTACK_JAVA_OPTS_REALTIME_SERVICE="$(BENCH_JVM)" \
	"$(JAVA_HOME)/bin/java" -jar platform/devstack/target/devstack.jar --fresh --copy-jars \
		--data-dir=$(HOME)/bench-devstack

bench: ## a Gatling simulation against a running bench-devstack (SIMULATION=LoginSimulation …)
	$(MVNW) -pl platform/benchmarks -Pbench verify \
		-Dgatling.simulationClass=ch.moveacces.benchmarks.$(SIMULATION) \
		-Dgateway=$(GATEWAY) -Dprofile=$(PROFILE) -Dauth=$(AUTH) -Ddatabase='$(DATABASE)'

audit-replay-dead-letters: ## move audit-service.dlt's dead letters into the audit trail (devstack by default; DB_*, KAFKA_BOOTSTRAP_SERVERS as for the service)
	$(MVNW) -q -pl audit-service -am package -DskipTests
	"$(JAVA_HOME)/bin/java" -jar audit-service/target/audit-service-*.jar replay-dead-letters

validate-deploy: ## check the Caddyfiles and the Prometheus configuration (needs caddy, promtool)
	caddy validate --config deploy/Caddyfile --adapter caddyfile
	DOMAIN=api.example.ch APP_DOMAIN=app.example.ch GRAFANA_DOMAIN=grafana.example.ch ACME_EMAIL=ops@example.ch \
		caddy validate --config deploy/Caddyfile.prod --adapter caddyfile
	promtool check config deploy/prometheus/prometheus.yml
	promtool check rules deploy/prometheus/alerts.yml
