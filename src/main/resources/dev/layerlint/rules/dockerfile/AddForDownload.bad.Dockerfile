FROM debian:12.5-slim
ADD https://example.org/tool-1.2.3.tar.gz /tmp/
RUN tar -xzf /tmp/tool-1.2.3.tar.gz -C /opt && rm /tmp/tool-1.2.3.tar.gz
