# context: pom.xml target/app.jar
# .dockerignore: target
FROM eclipse-temurin:21-jre
COPY target/app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
