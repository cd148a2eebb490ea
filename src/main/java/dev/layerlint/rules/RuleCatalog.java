package dev.layerlint.rules;

import dev.layerlint.rules.context.ContextTooLarge;
import dev.layerlint.rules.context.CopySourceIgnored;
import dev.layerlint.rules.context.DockerignoreMissing;
import dev.layerlint.rules.context.RequiredExclusionMissing;
import dev.layerlint.rules.context.SecretInContext;
import dev.layerlint.rules.dockerfile.AddForDownload;
import dev.layerlint.rules.image.BudgetExceeded;
import dev.layerlint.rules.image.CacheInLayer;
import dev.layerlint.rules.image.ImageNotVersioned;
import dev.layerlint.rules.image.ImageRunsAsRoot;
import dev.layerlint.rules.image.ImageWithoutHealthcheck;
import dev.layerlint.rules.image.MissingExecutable;
import dev.layerlint.rules.image.SecretInLayer;
import dev.layerlint.rules.image.ToolchainInImage;
import dev.layerlint.rules.dockerfile.PythonBytecodeKept;
import dev.layerlint.rules.dockerfile.TempFilesKept;
import dev.layerlint.rules.dockerfile.AptListsNotRemoved;
import dev.layerlint.rules.dockerfile.AptNoInstallRecommends;
import dev.layerlint.rules.dockerfile.AptUpdateAlone;
import dev.layerlint.rules.dockerfile.BuildToolchainInImage;
import dev.layerlint.rules.dockerfile.ChownAfterCopy;
import dev.layerlint.rules.dockerfile.CleanupInLaterLayer;
import dev.layerlint.rules.dockerfile.DependenciesAfterSource;
import dev.layerlint.rules.dockerfile.DevDependenciesInImage;
import dev.layerlint.rules.dockerfile.ExpansionTooLarge;
import dev.layerlint.rules.dockerfile.PackageCacheKept;
import dev.layerlint.rules.dockerfile.PipCacheKept;
import dev.layerlint.rules.dockerfile.AddForLocalFile;
import dev.layerlint.rules.dockerfile.BaseImageFloatingTag;
import dev.layerlint.rules.dockerfile.BaseImageUnpinned;
import dev.layerlint.rules.dockerfile.ConsecutiveRuns;
import dev.layerlint.rules.dockerfile.CopyFromUnknownStage;
import dev.layerlint.rules.dockerfile.FullBaseImage;
import dev.layerlint.rules.dockerfile.MissingHealthcheck;
import dev.layerlint.rules.dockerfile.RunsAsRoot;
import dev.layerlint.rules.dockerfile.SecretInEnvOrArg;
import dev.layerlint.rules.dockerfile.ShellFormCommand;
import dev.layerlint.rules.dockerfile.UnusedStage;
import dev.layerlint.rules.dockerfile.UntrustedBaseImage;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every rule layerlint has, in id order. Adding a rule is adding its class here. */
public final class RuleCatalog {

    private static final List<Rule> ALL = List.<Rule>of(
                    new ParseErrorRule(),
                    new AddForDownload(),
                    new AddForLocalFile(),
                    new BaseImageFloatingTag(),
                    new BaseImageUnpinned(),
                    new ConsecutiveRuns(),
                    new CopyFromUnknownStage(),
                    new ExpansionTooLarge(),
                    new FullBaseImage(),
                    new MissingHealthcheck(),
                    new RunsAsRoot(),
                    new SecretInEnvOrArg(),
                    new ShellFormCommand(),
                    new UnusedStage(),
                    new UntrustedBaseImage(),
                    new AptListsNotRemoved(),
                    new AptNoInstallRecommends(),
                    new AptUpdateAlone(),
                    new BuildToolchainInImage(),
                    new ChownAfterCopy(),
                    new CleanupInLaterLayer(),
                    new DependenciesAfterSource(),
                    new DevDependenciesInImage(),
                    new PackageCacheKept(),
                    new PipCacheKept(),
                    new PythonBytecodeKept(),
                    new TempFilesKept(),
                    new ContextTooLarge(),
                    new CopySourceIgnored(),
                    new DockerignoreMissing(),
                    new RequiredExclusionMissing(),
                    new SecretInContext(),
                    new BudgetExceeded(),
                    new CacheInLayer(),
                    new ImageNotVersioned(),
                    new ImageRunsAsRoot(),
                    new ImageWithoutHealthcheck(),
                    new MissingExecutable(),
                    new SecretInLayer(),
                    new ToolchainInImage())
            .stream()
            .sorted(Comparator.comparing(Rule::id))
            .toList();

    private static final List<DockerfileRule> DOCKERFILE_RULES = ofKind(DockerfileRule.class);
    private static final List<ContextRule> CONTEXT_RULES = ofKind(ContextRule.class);
    private static final List<ImageRule> IMAGE_RULES = ofKind(ImageRule.class);

    private RuleCatalog() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    public static List<DockerfileRule> dockerfileRules() {
        return DOCKERFILE_RULES;
    }

    public static List<ContextRule> contextRules() {
        return CONTEXT_RULES;
    }

    public static List<ImageRule> imageRules() {
        return IMAGE_RULES;
    }

    private static <R extends Rule> List<R> ofKind(Class<R> kind) {
        return ALL.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The rule with that id, or whose alias (hadolint/BuildKit id) it is; ids are case-sensitive. */
    public static Optional<Rule> find(String idOrAlias) {
        for (Rule r : ALL) {
            if (r.id().equals(idOrAlias) || List.of(r.info().aliases()).contains(idOrAlias)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
