# Builds the outage-radar service (run, probe, intake, social, sentiment, pager) with the Maven
# wrapper and runs it on a JRE: no broker, no Scala, no test utilities (the service module bans them).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests package -pl service -am

FROM eclipse-temurin:17-jre
RUN useradd --system --home /opt/outage-radar radar \
    && mkdir -p /var/lib/outage-radar && chown radar /var/lib/outage-radar
WORKDIR /opt/outage-radar
COPY --from=build /src/service/target/outage-radar-service.jar ./
COPY --from=build /src/service/target/lib ./lib
USER radar
ENTRYPOINT ["java", "-jar", "/opt/outage-radar/outage-radar-service.jar"]
CMD ["--help"]
