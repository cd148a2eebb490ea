# context: pom.xml src/main/java/App.java target/app.jar target/classes/App.class .idea/workspace.xml
# .dockerignore: .git
# .dockerignore: .idea
# .dockerignore: target/*
# .dockerignore: !target/app.jar
FROM eclipse-temurin:21-jre
COPY target/app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
