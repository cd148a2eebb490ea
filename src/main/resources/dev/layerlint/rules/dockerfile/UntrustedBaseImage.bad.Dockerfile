FROM eclipse-temurin:21.0.2_13-jre
