package dev.layerlint.rules.image;

import dev.layerlint.image.Layer;
import dev.layerlint.image.LayerEntry;
import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.ImageRule;
import dev.layerlint.rules.ImageRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.text.Plural;

import java.util.List;
import java.util.regex.Pattern;

@RuleInfo(
        id = "CacheInLayer",
        severity = Severity.WARNING,
        checklist = ChecklistItem.NO_CACHE,
        summary = "A layer stores package-manager caches or temporary files: apt lists and archives, apk, pip, npm, yarn, Maven, Gradle, `__pycache__`, `/tmp`.",
        description = """
                Caches that a package manager leaves behind are bytes every pull downloads and no container
                uses. The bytes stay in the layer that wrote them even when a later RUN deletes them, so the
                cleanup belongs in the same RUN (`rm -rf /var/lib/apt/lists/*`), or the cache is never
                written (`pip install --no-cache-dir`, `apk add --no-cache`, `npm ci && npm cache clean
                --force`), or it lives in a BuildKit cache mount (`RUN --mount=type=cache,target=/root/.m2`).
                The finding names the layer's Dockerfile line and the bytes per cache; layers of the base
                image are not judged.""",
        aliases = {})
public final class CacheInLayer implements ImageRule {

    /** A kind of cache: where it lives, and what to do about it. */
    private record Cache(String name, Pattern path, String fix) {
        Cache(String name, String regex, String fix) {
            this(name, Pattern.compile(regex), fix);
        }
    }

    private static final String HOME = "(?:/root|/home/[^/]+)";

    private static final List<Cache> CACHES = List.of(
            new Cache("apt package lists", "/var/lib/apt/lists/(?!lock$|partial$)[^/]+",
                    "`rm -rf /var/lib/apt/lists/*` in the same RUN"),
            new Cache("apt package archives", "/var/cache/apt/(?:archives/)?[^/]+\\.(?:deb|bin)",
                    "`apt-get clean` in the same RUN"),
            new Cache("apk cache", "/var/cache/apk/.+", "`apk add --no-cache`"),
            new Cache("pip cache", HOME + "/\\.cache/pip/.+", "`pip install --no-cache-dir`"),
            new Cache("npm cache", HOME + "/\\.npm/.+", "`npm cache clean --force` in the same RUN, or a cache mount"),
            new Cache("yarn cache", "(?:" + HOME + "/\\.cache/yarn|/usr/local/share/\\.cache/yarn)/.+",
                    "`yarn cache clean` in the same RUN, or a cache mount"),
            new Cache("Maven repository", HOME + "/\\.m2/repository/.+",
                    "a multi-stage build or `RUN --mount=type=cache,target=/root/.m2`"),
            new Cache("Gradle caches", HOME + "/\\.gradle/(?:caches|wrapper/dists)/.+",
                    "a multi-stage build or `RUN --mount=type=cache,target=/root/.gradle`"),
            new Cache("Python bytecode", ".*/__pycache__/.+", "`PYTHONDONTWRITEBYTECODE=1`, or `pip install --no-compile`"),
            new Cache("temporary files", "/(?:var/)?tmp/.+", "`rm` in the same RUN that writes them"));

    @Override
    public void check(ImageRuleContext context) {
        for (Layer layer : context.inspection().image().layers()) {
            if (context.inspection().layerMap().origin(layer.index()).base()) {
                continue;
            }
            for (Cache cache : CACHES) {
                long bytes = 0;
                int files = 0;
                for (LayerEntry.File file : layer.files()) {
                    if (file.isRegular() && cache.path().matcher(file.path()).matches()) {
                        bytes += file.size();
                        files++;
                    }
                }
                if (bytes > 0) {
                    context.reportLayer(layer.index(), context.describeLayer(layer.index()) + " stores " + Plural.count(bytes, "byte")
                            + " of " + cache.name() + " (" + Plural.count(files, "file") + "); avoid them with " + cache.fix());
                }
            }
        }
    }

}
