FROM eclipse-temurin:21.0.2_13-jre
ADD target/app.jar /app/app.jar
