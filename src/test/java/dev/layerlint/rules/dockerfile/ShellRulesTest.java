package dev.layerlint.rules.dockerfile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.layerlint.rules.LintAssertions.hits;
import static dev.layerlint.rules.LintAssertions.lint;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ShellRulesTest {

    @Test
    void aptUpdateAlone() {
        assertEquals(List.of("AptUpdateAlone@2"), hits("AptUpdateAlone", "FROM d:1.2.3\nRUN apt-get update\nRUN apt-get install -y x\n"));
        assertEquals(List.of(), hits("AptUpdateAlone", "FROM d:1.2.3\nRUN apt-get update && apt-get install -y x\n"));
        assertEquals(List.of(), hits("AptUpdateAlone", "FROM d:1.2.3\nRUN <<EOF\napt-get update\napt-get upgrade -y\nEOF\n"));
        assertEquals(List.of("AptUpdateAlone@2"), hits("AptUpdateAlone", "FROM a:1.2.3\nRUN apk update\n"));
    }

    @Test
    void aptListsMustGoInTheSameRun() {
        String df = "FROM d:1.2.3\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
                + "RUN rm -rf /var/lib/apt/lists/*\n";
        assertEquals(List.of("AptListsNotRemoved@2"), hits("AptListsNotRemoved", df));
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM d:1.2.3\nRUN set -eux; apt-get update; apt-get install -y x; rm -rf /var/lib/apt/lists/*\n"));
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM d:1.2.3\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y x\n"));
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM d:1.2.3\nRUN sh -c 'apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*'\n"));
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM d:1.2.3 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM d:1.2.3\n"),
                "a builder stage's layers are not in the image");
        assertEquals(List.of(), hits("AptListsNotRemoved", "FROM d:1.2.3\nRUN apt-get update && apt-get install -y x && apt-get dist-clean\n"));
        assertEquals(List.of("AptListsNotRemoved@2"), hits("AptListsNotRemoved", "FROM d:1.2.3\nRUN apt-get update && apt-get install -y x && apt-get clean\n"),
                "apt-get clean removes archives, not lists");
        assertEquals(List.of("AptListsNotRemoved@2"), hits("AptListsNotRemoved", "FROM d:1.2.3\nRUN apt-get update\nRUN apt-get install -y x\n"),
                "the lists are in the layer of the RUN that downloaded them");
    }

    @Test
    void pipCache() {
        assertEquals(List.of("PipCacheKept@2"), hits("PipCacheKept", "FROM p:3.11.6\nRUN pip install -r requirements.txt\n"));
        assertEquals(List.of("PipCacheKept@2"), hits("PipCacheKept", "FROM p:3.11.6\nRUN python3 -m pip install flask\n"));
        for (String ok : List.of("RUN pip install --no-cache-dir flask", "RUN PIP_NO_CACHE_DIR=1 pip install flask",
                "RUN --mount=type=cache,target=/root/.cache/pip pip install flask", "RUN pip install flask && pip cache purge",
                "RUN pip install flask && rm -rf /root/.cache/pip")) {
            assertEquals(List.of(), hits("PipCacheKept", "FROM p:3.11.6\n" + ok + "\n"), ok);
        }
        assertEquals(List.of(), hits("PipCacheKept", "FROM p:3.11.6 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install x\n"),
                "ENV set in the parent stage");
        assertEquals(List.of(), hits("PipCacheKept", "FROM p:3.11.6\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x\n"),
                "pip turns the cache off for any boolean, 0 included");
        assertEquals(List.of("PipCacheKept@3"), hits("PipCacheKept", "FROM p:3.11.6\nENV PIP_NO_CACHE_DIR=\nRUN pip install x\n"));
        assertEquals(List.of(), hits("PipCacheKept", "FROM p:3.11.6 AS builder\nRUN pip install --user x\nFROM p:3.11.6-slim\nCOPY --from=builder /root/.local /root/.local\n"));
    }

    @Test
    void otherPackageCaches() {
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM a:3.19.1\nRUN apk add --virtual .deps gcc\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM a:3.19.1\nRUN apk add --no-cache curl\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM f:39.0.0\nRUN dnf install -y git\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM f:39.0.0\nRUN dnf install -y git && dnf clean all\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM n:20.11.1\nRUN npm ci --omit=dev\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM n:20.11.1\nRUN npm ci --omit=dev && npm cache clean --force\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM n:20.11.1\nRUN --mount=type=cache,target=/root/.npm npm ci\n"));
        assertEquals(List.of("PackageCacheKept@2"), hits("PackageCacheKept", "FROM r:3.3.0\nRUN gem install bundler\n"));
        assertEquals(List.of(), hits("PackageCacheKept", "FROM r:3.3.0\nRUN gem install --no-document bundler\n"));
    }

    @Test
    void noInstallRecommends() {
        assertEquals(List.of("AptNoInstallRecommends@2"), hits("AptNoInstallRecommends", "FROM d:1.2.3\nRUN apt-get install -y curl\n"));
        assertEquals(List.of(), hits("AptNoInstallRecommends", "FROM d:1.2.3\nRUN apt-get install -y --no-install-recommends curl\n"));
        assertEquals(List.of(), hits("AptNoInstallRecommends", "FROM d:1.2.3\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n"));
    }

    @Test
    void cleanupInALaterLayer() {
        String df = "FROM d:1.2.3\nRUN apt-get update && apt-get install -y x\nRUN rm -rf /var/lib/apt/lists/*\n"
                + "RUN set -e; apt-get clean; rm -rf /tmp/*\nRUN rm -f /etc/motd && echo hi > /etc/motd\n";
        assertEquals(List.of("CleanupInLaterLayer@3", "CleanupInLaterLayer@4"), hits("CleanupInLaterLayer", df));
    }

    @Test
    void chownAfterCopy() {
        String df = "FROM p:3.11.6\nWORKDIR /app\nCOPY main.py .\nCOPY app/ ./app/\nCOPY --chown=u:u conf /etc/conf\n"
                + "RUN useradd -m u && chown -R u:u /app\nRUN chown -R u /etc/conf\nRUN chmod -R 755 /opt\n";
        assertEquals(List.of("ChownAfterCopy@6"), hits("ChownAfterCopy", df));
        assertEquals("chown -R /app rewrites what COPY at line 4 copied, storing those files twice: use COPY --chown=… instead",
                lint(df).stream().filter(f -> f.ruleId().equals("ChownAfterCopy")).findFirst().orElseThrow().message());
        assertEquals(List.of("ChownAfterCopy@3"), hits("ChownAfterCopy", "FROM p:3.11.6\nCOPY bin/ /usr/local/bin/\nRUN chmod -R +x /usr/local/bin\n"));
    }

    @Test
    void toolchainInTheImage() {
        assertEquals(List.of("BuildToolchainInImage@2"), hits("BuildToolchainInImage",
                "FROM d:1.2.3\nRUN apt-get update && apt-get install -y gcc libpq5 && rm -rf /var/lib/apt/lists/*\n"));
        assertEquals(List.of(), hits("BuildToolchainInImage",
                "FROM a:3.19.1\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\n"));
        assertEquals(List.of(), hits("BuildToolchainInImage",
                "FROM d:1.2.3\nRUN apt-get install -y gcc && make && apt-get purge -y --auto-remove gcc\n"));
        assertEquals(List.of(), hits("BuildToolchainInImage", "FROM d:1.2.3 AS build\nRUN apt-get install -y build-essential\nFROM d:1.2.3\n"));
        assertEquals(List.of("BuildToolchainInImage@2"), hits("BuildToolchainInImage", "FROM f:39.0.0\nRUN dnf install -y gcc-c++ && dnf clean all\n"));
    }

    @Test
    void dependenciesAfterSource() {
        assertEquals(List.of("DependenciesAfterSource@4"), hits("DependenciesAfterSource",
                "FROM p:3.11.6\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n"));
        assertEquals("pip install -r requirements.txt runs after COPY at line 3 brought in the whole source, so every code change "
                + "reinstalls the dependencies: COPY requirements.txt first, install, then COPY the rest",
                lint("FROM p:3.11.6\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n").stream()
                        .filter(f -> f.ruleId().equals("DependenciesAfterSource")).findFirst().orElseThrow().message());
        assertEquals(List.of(), hits("DependenciesAfterSource",
                "FROM p:3.11.6\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install -r requirements.txt\n"));
        assertEquals(List.of("DependenciesAfterSource@3"), hits("DependenciesAfterSource", "FROM n:20.11.1\nCOPY . .\nRUN npm ci\n"));
        assertEquals(List.of("DependenciesAfterSource@3"), hits("DependenciesAfterSource", "FROM m:3.9.6\nCOPY . .\nRUN mvn -B package\n"));
        assertEquals(List.of(), hits("DependenciesAfterSource", "FROM m:3.9.6\nCOPY pom.xml .\nRUN mvn dependency:go-offline\nCOPY src src\nRUN mvn package\n"));
        assertEquals(List.of(), hits("DependenciesAfterSource", "FROM m:3.9.6\nCOPY . .\nRUN --mount=type=cache,target=/root/.m2 mvn package\n"));
        assertEquals(List.of(), hits("DependenciesAfterSource", "FROM p:3.11.6\nCOPY . .\nRUN pip install --no-cache-dir .\n"));
    }

    @Test
    void devDependencies() {
        assertEquals(List.of("DevDependenciesInImage@2"), hits("DevDependenciesInImage", "FROM n:20.11.1\nRUN npm install\n"));
        assertEquals(List.of(), hits("DevDependenciesInImage", "FROM n:20.11.1\nENV NODE_ENV=production\nRUN npm ci\n"));
        assertEquals(List.of(), hits("DevDependenciesInImage", "FROM n:20.11.1\nRUN npm ci --only=production\n"));
        assertEquals(List.of(), hits("DevDependenciesInImage", "FROM n:20.11.1\nRUN npm install -g pm2\n"));
        assertEquals(List.of(), hits("DevDependenciesInImage", "FROM n:20.11.1 AS build\nRUN npm ci\nFROM n:20.11.1\n"));
        assertEquals(List.of("DevDependenciesInImage@2"), hits("DevDependenciesInImage", "FROM p:3.11.6\nRUN pip install -r requirements-dev.txt\n"));
        assertEquals(List.of("DevDependenciesInImage@2"), hits("DevDependenciesInImage", "FROM p:3.11.6\nRUN poetry install\n"));
        assertEquals(List.of(), hits("DevDependenciesInImage", "FROM p:3.11.6\nRUN poetry install --only main --no-root\n"));
        assertEquals(List.of("DevDependenciesInImage@2"), hits("DevDependenciesInImage", "FROM p:3.11.6\nRUN pipenv install --dev --system\n"));
    }

    @Test
    void nonPosixShellKeepsRulesQuiet() {
        String df = "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN pip install flask\n";
        assertEquals(List.of(), hits("PipCacheKept", df));
    }

    @Test
    void tempFiles() {
        assertEquals(List.of("TempFilesKept@2"), hits("TempFilesKept", "FROM d:1.2.3\nRUN wget -O /tmp/a.deb https://x/a.deb && dpkg -i /tmp/a.deb\n"));
        assertEquals(List.of(), hits("TempFilesKept", "FROM d:1.2.3\nRUN wget -O /tmp/a.deb https://x/a.deb && dpkg -i /tmp/a.deb && rm -rf /tmp/*\n"));
        assertEquals(List.of("TempFilesKept@2"), hits("TempFilesKept", "FROM d:1.2.3\nRUN echo x > /tmp/notes.txt\n"));
        assertEquals(List.of(), hits("TempFilesKept", "FROM d:1.2.3\nRUN --mount=type=tmpfs,target=/tmp git clone https://x/r /tmp/r && make -C /tmp/r install\n"));
        assertEquals(List.of(), hits("TempFilesKept", "FROM d:1.2.3 AS b\nRUN git clone https://x/r /tmp/r\nFROM d:1.2.3\n"));
    }

    @Test
    void pythonBytecode() {
        assertEquals(List.of("PythonBytecodeKept@2"), hits("PythonBytecodeKept", "FROM p:3.11.6\nRUN pip install --no-cache-dir x\n"));
        assertEquals(List.of(), hits("PythonBytecodeKept", "FROM p:3.11.6\nENV PYTHONDONTWRITEBYTECODE=1\nRUN pip install --no-cache-dir x\n"));
        assertEquals(List.of(), hits("PythonBytecodeKept",
                "FROM p:3.11.6\nRUN pip install --no-cache-dir x && find /usr/local/lib -name __pycache__ -type d -exec rm -rf {} +\n"));
    }
}
