# Builds the outage-radar CLI with the Maven wrapper and runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schemas schemas
COPY sentiment sentiment
COPY producers producers
COPY pager pager
COPY streams streams
COPY app app
COPY connect connect
COPY bench bench
RUN ./mvnw -q -B -DskipTests package -pl app -am

FROM eclipse-temurin:17-jre
RUN useradd --system --home /opt/outage-radar radar \
    && mkdir -p /var/lib/outage-radar && chown radar /var/lib/outage-radar
WORKDIR /opt/outage-radar
COPY --from=build /src/app/target/outage-radar.jar ./
COPY --from=build /src/app/target/lib ./lib
USER radar
ENTRYPOINT ["java", "-jar", "/opt/outage-radar/outage-radar.jar"]
CMD ["--help"]
