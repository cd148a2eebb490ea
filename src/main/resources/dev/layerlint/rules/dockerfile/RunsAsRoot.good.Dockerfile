FROM eclipse-temurin:21.0.2_13-jre
RUN useradd --system --uid 10001 app
COPY target/app.jar /app/app.jar
USER app
CMD ["java", "-jar", "/app/app.jar"]
