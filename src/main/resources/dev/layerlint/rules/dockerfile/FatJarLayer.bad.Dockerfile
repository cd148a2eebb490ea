FROM gradle:8.7.0-jdk21 AS build
WORKDIR /src
COPY . .
RUN gradle --no-daemon bootJar

FROM eclipse-temurin:21.0.5_11-jre-alpine
COPY --from=build /src/build/libs/orders-service.jar /app/app.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
