# syntax=docker/dockerfile:1
# The Scatter API (publisher, REST API, dashboard) for linux/amd64 and linux/arm64:
#   docker buildx build --platform linux/arm64,linux/amd64 -f deploy/docker/api.Dockerfile -t scatter/api:0.1.0 .
# The build stage runs on the build machine's own platform ($BUILDPLATFORM): the jar is the same on every platform, so
# only the runtime stage is per-platform and nothing is compiled under emulation.

FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl api -am package -DskipTests

FROM eclipse-temurin:17.0.13_11-jre-noble
RUN groupadd --gid 10001 scatter \
    && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin scatter
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /src/api/target/scatter-api-exec.jar /app/scatter-api-exec.jar
USER 10001:10001
EXPOSE 8080
# The launcher's API flags (./scatter jvm-flags api: serial collector, heap 192 MiB for a 384 MiB budget) as a share of
# the container's memory limit: half of it for the heap, half for metaspace, code cache and thread stacks.
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/scatter-api-exec.jar"]
