FROM eclipse-temurin:21.0.5_11-jre
RUN useradd --system --uid 10001 app
COPY target/app.jar /app/app.jar
USER 10001
CMD ["java", "-jar", "/app/app.jar"]
