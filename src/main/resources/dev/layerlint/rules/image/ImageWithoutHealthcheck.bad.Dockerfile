FROM eclipse-temurin:21.0.5_11-jre-alpine
COPY target/app.jar /app/app.jar
USER 10001
EXPOSE 8080
CMD ["java", "-jar", "/app/app.jar"]
