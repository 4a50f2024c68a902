# syntax=docker/dockerfile:1
# The Scatter worker for linux/amd64 and linux/arm64:
#   docker buildx build --platform linux/arm64,linux/amd64 -f deploy/docker/worker.Dockerfile -t scatter/worker:0.1.0 .
# The build stage runs on the build machine's own platform ($BUILDPLATFORM): the jar is the same on every platform.

FROM --platform=$BUILDPLATFORM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -pl worker -am package -DskipTests

FROM eclipse-temurin:17.0.13_11-jre-noble
RUN groupadd --gid 10001 scatter \
    && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin scatter
WORKDIR /app
COPY --from=build --chown=root:root --chmod=0444 /src/worker/target/scatter-worker-exec.jar /app/scatter-worker-exec.jar
# The class data sharing archive the launcher makes on first use (cds_archive in ./scatter), made here once per image
# and platform by the worker's training run (no broker needed), with the flags of the ENTRYPOINT. Where it cannot be
# made (e.g. an emulator that fails), the image has none and the worker starts without it.
RUN java -XX:+UseSerialGC -Xms16m -XX:MaxRAMPercentage=50 \
        -XX:ArchiveClassesAtExit=/app/scatter-worker-exec.jsa -Xlog:cds=off,cds+dynamic=off \
        -jar /app/scatter-worker-exec.jar --cds-training >/dev/null 2>&1 </dev/null \
    || rm -f /app/scatter-worker-exec.jsa
USER 10001:10001
# /metrics, /health/live and /health/ready (the worker serves them only with an HTTP port; the pod may set another).
ENV SCATTER_WORKER_HTTP_PORT=9100
EXPOSE 9100
# The launcher's worker flags (./scatter jvm-flags worker): the serial collector, a heap that starts small, full JIT
# (the kernels need C2, so no TieredStopAtLevel) and the class archive; the heap may grow to half the container's
# memory limit, the launcher's cap (size the limit at twice 64 MiB + 48 MiB per task computed at once).
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms16m", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=/app/scatter-worker-exec.jsa", "-Xlog:cds=off,cds+dynamic=off", "-jar", "/app/scatter-worker-exec.jar"]
