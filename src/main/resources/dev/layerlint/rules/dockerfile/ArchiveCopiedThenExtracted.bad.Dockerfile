FROM debian:12.5-slim
COPY vendor/agent-4.2.1.tar.gz /tmp/
RUN tar -xzf /tmp/agent-4.2.1.tar.gz -C /opt && rm /tmp/agent-4.2.1.tar.gz
