FROM maven:3.9.6-eclipse-temurin-21 AS build
RUN mvn -q package

FROM eclipse-temurin:21.0.2_13-jre AS runtime
COPY --from=build /app.jar /app.jar
