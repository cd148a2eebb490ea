FROM eclipse-temurin:21.0.5_11-jre-alpine
COPY target/app.jar /app/app.jar
USER 10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["wget", "-q", "-O", "/dev/null", "http://localhost:8080/actuator/health"]
CMD ["java", "-jar", "/app/app.jar"]
