FROM eclipse-temurin:21.0.5_11-jre-alpine
COPY target/orders-service.jar /app/app.jar
USER 10001
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
