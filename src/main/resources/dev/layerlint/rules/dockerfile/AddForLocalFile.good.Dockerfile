FROM eclipse-temurin:21.0.2_13-jre
COPY target/app.jar /app/app.jar
ADD otel-agent.tar.gz /opt/
