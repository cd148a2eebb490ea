FROM debian:12.5-slim
# ADD unpacks a local tar archive: the archive itself never becomes a layer
ADD vendor/agent-4.2.1.tar.gz /opt/
