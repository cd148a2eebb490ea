FROM maven:3.9.6-eclipse-temurin-21 AS build
RUN mvn -q package

FROM eclipse-temurin:21.0.2_13-jre
COPY --from=biuld /build/target/app.jar /app.jar
