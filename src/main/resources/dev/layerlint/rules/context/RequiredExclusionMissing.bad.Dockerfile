# context: pom.xml src/main/java/App.java target/app.jar target/classes/App.class .idea/workspace.xml
# .dockerignore: .git
FROM eclipse-temurin:21-jre
COPY target/app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
