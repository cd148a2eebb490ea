package dev.layerlint.rules.dockerfile;

import dev.layerlint.report.ChecklistItem;
import dev.layerlint.report.Severity;
import dev.layerlint.rules.DockerfileRule;
import dev.layerlint.rules.DockerfileRuleContext;
import dev.layerlint.rules.RuleInfo;
import dev.layerlint.shell.PackageManagerCall;

import java.util.Optional;
import java.util.regex.Pattern;

@RuleInfo(
        id = "DevDependenciesInImage",
        severity = Severity.WARNING,
        checklist = ChecklistItem.PRODUCTION_DEPENDENCIES,
        summary = "Development dependencies are installed in a stage that ends up in the image.",
        description = """
                Test frameworks, linters and build plugins have no business in a production image: they \
                add size and vulnerabilities. Install production dependencies only where the image is \
                made: `npm ci --omit=dev` (or `--only=production`, or `NODE_ENV=production`), \
                `yarn install --production`, `poetry install --only main`, no `pipenv install --dev`, no \
                `requirements-dev.txt`. Builder stages may install whatever the build needs.""",
        aliases = {})
public final class DevDependenciesInImage implements DockerfileRule {

    private static final Pattern DEV_REQUIREMENTS = Pattern.compile("(?i)(^|/)([^/]*[-_.])?(dev|test|tests|testing|lint|ci)([-_.][^/]*)?\\.(txt|in)$"
            + "|(?i)(^|/)requirements/(dev|test|tests|testing|lint|ci)[^/]*\\.(txt|in)$");

    @Override
    public void check(DockerfileRuleContext context) {
        for (RunStep step : RunStep.all(context)) {
            if (!step.inImage()) {
                continue;
            }
            for (PackageManagerCall call : step.calls()) {
                Optional<String> problem = problem(step, call);
                if (problem.isPresent()) {
                    context.report(step.run(), problem.get());
                    break;
                }
            }
        }
    }

    private static Optional<String> problem(RunStep step, PackageManagerCall call) {
        String sub = call.subcommand();
        boolean production = step.env().get("NODE_ENV").filter("production"::equals).isPresent()
                || "production".equals(call.command().assignments().get("NODE_ENV"));
        return switch (call.manager()) {
            case NPM -> (sub.equals("ci") || sub.equals("install") || sub.equals("i")) && call.operands().isEmpty() && !production
                    && !call.hasOption("--production", "--only", "--omit")
                    && step.env().get("npm_config_only").filter("production"::equals).isEmpty()
                    && step.env().get("npm_config_omit").filter("dev"::equals).isEmpty()
                    ? Optional.of("npm " + sub + " installs devDependencies too: use npm " + sub + " --omit=dev (or NODE_ENV=production)")
                    : Optional.empty();
            case YARN -> (sub.isEmpty() || sub.equals("install")) && !production && !call.hasOption("--production", "--prod")
                    && step.env().get("YARN_PRODUCTION").isEmpty()
                    ? Optional.of("yarn install installs devDependencies too: use yarn install --production (or NODE_ENV=production)")
                    : Optional.empty();
            case PIP -> call.optionValues("-r").stream().filter(f -> DEV_REQUIREMENTS.matcher(f).find()).findFirst()
                    .map(f -> "pip installs " + f + ", a development requirements file, into the image: install only runtime requirements");
            case POETRY -> sub.equals("install") && !call.hasOption("--only", "--without", "--no-dev")
                    && !call.optionValues("--only").contains("main")
                    ? Optional.of("poetry install installs the dev group too: use poetry install --only main") : Optional.empty();
            case PIPENV -> sub.equals("install") && call.hasOption("--dev", "-d")
                    ? Optional.of("pipenv install --dev installs development packages into the image: drop --dev") : Optional.empty();
            default -> Optional.empty();
        };
    }
}
