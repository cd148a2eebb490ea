# built with: docker build -t registry.example.com/shop/api .
FROM eclipse-temurin:21.0.5_11-jre
COPY target/app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
