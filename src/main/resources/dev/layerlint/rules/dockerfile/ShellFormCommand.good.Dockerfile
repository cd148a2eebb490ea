FROM eclipse-temurin:21.0.2_13-jre
COPY target/app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
