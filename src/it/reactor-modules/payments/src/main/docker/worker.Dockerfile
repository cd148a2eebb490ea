FROM eclipse-temurin:21.0.5_11-jre
USER 10001
RUN apt-get update && apt-get install -y curl
COPY worker.jar /app/worker.jar
ENTRYPOINT ["java", "-jar", "/app/worker.jar"]
