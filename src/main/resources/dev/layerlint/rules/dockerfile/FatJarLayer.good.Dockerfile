FROM gradle:8.7.0-jdk21 AS build
WORKDIR /src
COPY . .
RUN gradle --no-daemon bootJar && java -Djarmode=tools -jar build/libs/orders-service.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:21.0.5_11-jre-alpine
WORKDIR /app
# dependencies change rarely: their layers stay cached; the application layer is a few hundred KB
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 10001
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
