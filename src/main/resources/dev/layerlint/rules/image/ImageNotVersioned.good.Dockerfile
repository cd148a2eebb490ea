# built with: docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD) -t registry.example.com/shop/api:1.4.2 .
FROM eclipse-temurin:21.0.5_11-jre
ARG GIT_COMMIT
LABEL org.opencontainers.image.version=1.4.2 \
      org.opencontainers.image.revision=$GIT_COMMIT
COPY target/app.jar /app/app.jar
CMD ["java", "-jar", "/app/app.jar"]
