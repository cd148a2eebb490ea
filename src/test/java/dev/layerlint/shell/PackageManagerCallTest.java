package dev.layerlint.shell;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Package-manager invocations: manager, subcommand, options with values, operands. */
class PackageManagerCallTest {

    private static PackageManagerCall onlyCall(String script) {
        List<PackageManagerCall> calls = ShellReader.read(script).packageManagerCalls();
        assertEquals(1, calls.size(), () -> "calls in " + script + ": " + calls);
        return calls.get(0);
    }

    /** {@code manager subcommand [options] [operands]} with options as {@code name} or {@code name=value}. */
    private static String summary(PackageManagerCall call) {
        return call.manager() + " " + call.subcommand() + " "
                + call.options().stream().map(o -> o.name() + o.value().map(v -> "=" + v).orElse("")).toList()
                + " " + call.operands();
    }

    private static String summaryOf(String script) {
        return summary(onlyCall(script));
    }

    @Test
    void aptGetInstall() {
        assertEquals("APT_GET install [-y, --no-install-recommends] [curl, ca-certificates]",
                summaryOf("apt-get install -y --no-install-recommends curl ca-certificates"));
    }

    @Test
    void aptGetGlobalOptionWithValueBeforeSubcommand() {
        assertEquals("APT_GET install [-o=Dpkg::Options::=--force-confnew, -q, -q, -y] [git]",
                summaryOf("apt-get -o Dpkg::Options::=--force-confnew -qqy install git"));
    }

    @Test
    void aptTargetRelease() {
        assertEquals("APT install [-t=bookworm-backports, -y] [golang]",
                summaryOf("apt install -t bookworm-backports -y golang"));
    }

    @Test
    void aptCallsOfOneScriptInOrder() {
        List<PackageManagerCall> calls = ShellReader.read(
                "apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*")
                .packageManagerCalls();
        assertEquals(List.of("update", "install", "clean"),
                calls.stream().map(PackageManagerCall::subcommand).toList());
        assertEquals(Connector.AND, calls.get(1).command().connector());
    }

    @Test
    void apkVirtualTakesAValue() {
        PackageManagerCall call = onlyCall("apk add --no-cache --virtual .build-deps gcc musl-dev");
        assertEquals("APK add [--no-cache, --virtual=.build-deps] [gcc, musl-dev]", summary(call));
        assertEquals(Optional.of(".build-deps"), call.optionValue("--virtual"));
        assertTrue(call.hasOption("--no-cache"));
        assertFalse(call.hasOption("--update"));
    }

    @Test
    void apkShortVirtualAndGlobalOptions() {
        assertEquals("APK add [--no-cache, -t=.deps, -X=http://mirror/edge] [curl]",
                summaryOf("apk --no-cache add -t .deps -X http://mirror/edge curl"));
    }

    @Test
    void apkDel() {
        assertEquals("APK del [--no-network] [.build-deps]", summaryOf("apk del --no-network .build-deps"));
    }

    @Test
    void dnfYumMicrodnf() {
        assertEquals("DNF install [-y, --setopt=install_weak_deps=False] [gcc]",
                summaryOf("dnf install -y --setopt install_weak_deps=False gcc"));
        assertEquals("YUM clean [] [all]", summaryOf("yum clean all"));
        assertEquals("MICRODNF install [--nodocs, -y] [shadow-utils]",
                summaryOf("microdnf install --nodocs -y shadow-utils"));
        assertEquals("DNF module enable [-y] [nodejs:20]", summaryOf("dnf -y module enable nodejs:20"));
    }

    @Test
    void zypper() {
        assertEquals("ZYPPER in [--non-interactive, --no-recommends] [curl]",
                summaryOf("zypper --non-interactive in --no-recommends curl"));
    }

    @Test
    void pipRequirementFile() {
        PackageManagerCall call = onlyCall("pip install --no-cache-dir -r requirements.txt");
        assertEquals("PIP install [--no-cache-dir, -r=requirements.txt] []", summary(call));
        assertEquals(Optional.of("requirements.txt"), call.optionValue("-r"));
    }

    @Test
    void pipAttachedAndRepeatedValues() {
        PackageManagerCall call = onlyCall("pip3 install -rbase.txt --requirement=dev.txt -e . --user 'flask>=2'");
        assertEquals(List.of("base.txt"), call.optionValues("-r"));
        assertEquals(List.of("dev.txt"), call.optionValues("--requirement"));
        assertEquals(Optional.of("."), call.optionValue("-e"));
        assertEquals(List.of("flask>=2"), call.operands());
        assertEquals(Set.of("-r", "--requirement", "-e", "--user"), call.optionNames());
    }

    @Test
    void pipVersionedExecutable() {
        assertEquals(PackageManager.PIP, onlyCall("/usr/local/bin/pip3.11 install x").manager());
    }

    @Test
    void pythonDashMPip() {
        assertEquals("PIP install [--no-cache-dir, --upgrade] [pip, setuptools]",
                summaryOf("python3 -u -m pip install --no-cache-dir --upgrade pip setuptools"));
        assertEquals("PIP install [] [x]", summaryOf("/opt/venv/bin/python3.12 -m pip install x"));
    }

    @Test
    void pythonRunningAScriptOrOtherModuleIsNoCall() {
        assertEquals(List.of(), ShellReader.read("python -m venv /opt/venv; python get-pip.py; python -c 'import pip'")
                .packageManagerCalls());
    }

    @Test
    void pipCachePurgeIsACommandGroup() {
        assertEquals("PIP cache purge [] []", summaryOf("pip cache purge"));
    }

    @Test
    void uvPipInstall() {
        assertEquals("UV pip install [--system, --no-cache, -r=requirements.txt] []",
                summaryOf("uv pip install --system --no-cache -r requirements.txt"));
        assertEquals("UV sync [--frozen, --no-dev] []", summaryOf("uv sync --frozen --no-dev"));
    }

    @Test
    void poetryAndPipenv() {
        assertEquals("POETRY install [--only=main, --no-root, --no-interaction] []",
                summaryOf("poetry install --only main --no-root --no-interaction"));
        assertEquals("PIPENV install [--deploy, --system] []", summaryOf("pipenv install --deploy --system"));
        assertEquals("POETRY install [] []", summaryOf("python -m poetry install"));
    }

    @Test
    void condaAndMamba() {
        assertEquals("CONDA install [-y, -c=conda-forge] [numpy]", summaryOf("conda install -y -c conda-forge numpy"));
        assertEquals("CONDA env create [-f=environment.yml] []", summaryOf("conda env create -f environment.yml"));
        assertEquals("MAMBA clean [-a, -f, -y] []", summaryOf("micromamba clean -afy"));
    }

    @Test
    void npm() {
        assertEquals("NPM ci [--only=production] []", summaryOf("npm ci --only=production"));
        assertEquals("NPM install [-g, --omit=dev] [typescript]", summaryOf("npm install -g --omit dev typescript"));
        assertEquals("NPM cache clean [--force] []", summaryOf("npm cache clean --force"));
        assertEquals("NPM run [] [build]", summaryOf("npm run build"));
    }

    @Test
    void yarnBareMeansInstall() {
        assertEquals("YARN install [--frozen-lockfile] []", summaryOf("yarn --frozen-lockfile"));
        assertEquals("YARN install [] []", summaryOf("yarn"));
        assertEquals("YARN global add [] [serve]", summaryOf("yarn global add serve"));
        assertEquals("YARN install [--immutable] []", summaryOf("corepack yarn install --immutable"));
        assertEquals("YARN  [--version] []", summaryOf("yarn --version"));
        assertEquals("BUNDLE  [-v] []", summaryOf("bundle -v"));
    }

    @Test
    void corepackOwnCommandsAreNoCall() {
        assertEquals(List.of(),
                ShellReader.read("corepack enable && corepack prepare pnpm@9 --activate").packageManagerCalls());
    }

    @Test
    void pnpm() {
        assertEquals("PNPM install [--frozen-lockfile, --prod, --filter=api] []",
                summaryOf("pnpm install --frozen-lockfile --prod --filter api"));
    }

    @Test
    void gemAndBundle() {
        assertEquals("GEM install [-v=2.4.22, --no-document] [bundler]",
                summaryOf("gem install bundler -v 2.4.22 --no-document"));
        assertEquals("BUNDLE install [--jobs=4, --without=development test] []",
                summaryOf("bundle install --jobs 4 --without 'development test'"));
        assertEquals("BUNDLE install [--deployment] []", summaryOf("bundler --deployment"));
        assertEquals("BUNDLE config [--local] [set, without, dev]", summaryOf("bundle config --local set without dev"));
    }

    @Test
    void go() {
        assertEquals("GO mod download [-x] []", summaryOf("go mod download -x"));
        assertEquals("GO build [-trimpath, -ldflags=-s -w, -o=/out/app] [./cmd/app]",
                summaryOf("go build -trimpath -ldflags '-s -w' -o /out/app ./cmd/app"));
        assertEquals("GO install [-v] [example.com/tool@v1.2.3]",
                summaryOf("CGO_ENABLED=0 go install -v example.com/tool@v1.2.3"));
        assertEquals("GO build [-mod=vendor] []", summaryOf("go build -mod=vendor"));
    }

    @Test
    void mavenGoalsAreTheSubcommand() {
        PackageManagerCall call = onlyCall("mvn -B -q -DskipTests -Pprod -pl api -am dependency:go-offline package");
        assertEquals("MVN dependency:go-offline package [-B, -q, -D=skipTests, -P=prod, -pl=api, -am] "
                + "[dependency:go-offline, package]", summary(call));
        assertEquals(Optional.of("skipTests"), call.optionValue("-D"));
    }

    @Test
    void mavenWrapperAndSeparateDefine() {
        assertEquals("MVN verify [-D=maven.test.skip=true, -s=/settings.xml] [verify]",
                summaryOf("./mvnw -D maven.test.skip=true -s /settings.xml verify"));
    }

    @Test
    void gradleTasks() {
        assertEquals("GRADLE clean bootJar [--no-daemon, -x=test, -P=version=1.0] [clean, bootJar]",
                summaryOf("./gradlew --no-daemon clean bootJar -x test -Pversion=1.0"));
    }

    @Test
    void cargo() {
        assertEquals("CARGO build [--release, --locked, -p=server] []",
                summaryOf("cargo build --release --locked -p server"));
        assertEquals("CARGO install [+nightly, --path=., --root=/usr/local] []",
                summaryOf("cargo +nightly install --path . --root /usr/local"));
    }

    @Test
    void composer() {
        assertEquals("COMPOSER install [--no-dev, -o, --no-scripts] []",
                summaryOf("composer install --no-dev -o --no-scripts"));
        assertEquals("COMPOSER global require [] [laravel/installer]",
                summaryOf("php composer.phar global require laravel/installer"));
    }

    @Test
    void doubleDashEndsOptions() {
        assertEquals("NPM run [] [build, --prod]", summaryOf("npm run -- build --prod"));
    }

    @Test
    void callsThroughWrappersAndXargs() {
        List<PackageManagerCall> calls = ShellReader.read(
                        "sudo apt-get update; scanelf --needed . | xargs -rt apk add --no-network --virtual .rundeps")
                .packageManagerCalls();
        assertEquals(List.of("APT_GET update [] []", "APK add [--no-network, --virtual=.rundeps] []"),
                calls.stream().map(PackageManagerCallTest::summary).toList());
        assertEquals(Origin.XARGS, calls.get(1).command().origin());
    }

    @Test
    void callsInsideNestedShell() {
        assertEquals("PIP install [--no-cache-dir] [x]", summaryOf("sh -c 'pip install --no-cache-dir x'"));
    }

    @Test
    void installingCalls() {
        List<Boolean> installs = ShellReader.read(String.join("\n",
                        "apt-get update", "apt-get install -y a", "apk add b", "apk del b", "pip install c",
                        "pip cache purge", "uv pip install d", "npm ci", "npm i e", "npm run build", "yarn",
                        "yarn build", "go mod download", "go build .", "mvn package", "composer global require f",
                        "dnf -y module install g"))
                .packageManagerCalls().stream().map(PackageManagerCall::installs).toList();
        assertEquals(List.of(false, true, true, false, true, false, true, true, true, false, true, false, true, false,
                false, true, true), installs);
    }

    @Test
    void systemManagers() {
        assertEquals(Set.of(PackageManager.APT_GET, PackageManager.APT, PackageManager.APTITUDE, PackageManager.APK, PackageManager.DNF,
                        PackageManager.YUM, PackageManager.MICRODNF, PackageManager.ZYPPER),
                Set.copyOf(java.util.Arrays.stream(PackageManager.values()).filter(PackageManager::system).toList()));
    }

    @Test
    void executableNames() {
        assertEquals(Optional.of(PackageManager.GRADLE), PackageManager.ofProgram("gradlew"));
        assertEquals(Optional.of(PackageManager.COMPOSER), PackageManager.ofProgram("composer.phar"));
        assertEquals(Optional.of(PackageManager.YARN), PackageManager.ofProgram("yarnpkg"));
        assertEquals(Optional.empty(), PackageManager.ofProgram("npx"));
        assertEquals(Optional.empty(), PackageManager.ofProgram("pipx"));
        assertEquals(Optional.empty(), PackageManager.ofProgram("apt-mark"));
    }

    @Test
    void aptitudeAndDnfShortVerbs() {
        List<PackageManagerCall> calls = ShellReader.read("aptitude -y install --without-recommends git && dnf in -y x && dnf5 rei y")
                .packageManagerCalls();
        assertEquals(List.of(PackageManager.APTITUDE, PackageManager.DNF, PackageManager.DNF), calls.stream().map(PackageManagerCall::manager).toList());
        assertEquals(List.of("install", "in", "rei"), calls.stream().map(PackageManagerCall::subcommand).toList());
        assertEquals(List.of(true, true, true), calls.stream().map(PackageManagerCall::installs).toList());
    }
}
