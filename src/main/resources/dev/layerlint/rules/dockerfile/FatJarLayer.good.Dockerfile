FROM eclipse-temurin:21.0.5_11-jre-alpine AS extract
WORKDIR /build
COPY target/orders-service.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21.0.5_11-jre-alpine
WORKDIR /app
# dependencies change rarely: their layers stay cached; the application layer is a few hundred KB
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
USER 10001
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
