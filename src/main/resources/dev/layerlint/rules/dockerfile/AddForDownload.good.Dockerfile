FROM debian:12.5-slim
RUN curl -fsSL https://example.org/tool-1.2.3.tar.gz | tar -xz -C /opt
