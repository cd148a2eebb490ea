FROM debian:12.5-slim
RUN curl -fsSL -o /tmp/tool.tar.gz https://example.org/tool-1.2.3.tar.gz && tar -xzf /tmp/tool.tar.gz -C /opt && rm /tmp/tool.tar.gz
