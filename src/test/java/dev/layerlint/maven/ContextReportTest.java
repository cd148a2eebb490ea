package dev.layerlint.maven;

import dev.layerlint.context.FileSize;
import dev.layerlint.report.GoalReport;
import dev.layerlint.report.JsonReportWriter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContextReportTest {

    private static String contextsJson(ContextReport context) {
        GoalReport report = new GoalReport("1", "dockerignore", List.of(), Map.of("contexts", List.of(context)));
        return new JsonReportWriter().toJson(report).get("contexts").toString();
    }

    @Test
    void writesTheContractFieldsInOrder() {
        assertEquals("[{`dockerfile`:`services/api/Dockerfile`,`directory`:`services/api`,`ignoreFile`:`services/api/.dockerignore`,"
                        + "`files`:3,`bytes`:5076,`excludedFiles`:2,`excludedBytes`:990,`largest`:[{`path`:`app.jar`,`bytes`:4096}]}]",
                contextsJson(new ContextReport("services/api/Dockerfile", "services/api", Optional.of("services/api/.dockerignore"),
                        3, 5076, 2, 990, List.of(new FileSize("app.jar", 4096)), Optional.empty())).replace('"', '`'));
    }

    @Test
    void leavesOutTheIgnoreFileWhenThereIsNone() {
        assertEquals("[{`dockerfile`:`Dockerfile`,`directory`:`.`,`files`:1,`bytes`:10,`excludedFiles`:0,`excludedBytes`:0,`largest`:[]}]",
                contextsJson(new ContextReport("Dockerfile", ".", Optional.empty(), 1, 10, 0, 0, List.of(), Optional.empty())).replace('"', '`'));
    }

    @Test
    void namesTheReportDirectoryLeftOutOfTheContext() {
        assertEquals("[{`dockerfile`:`Dockerfile`,`directory`:`.`,`files`:1,`bytes`:10,`excludedFiles`:0,`excludedBytes`:0,`largest`:[],"
                        + "`reportsLeftOut`:`target/layerlint`}]",
                contextsJson(new ContextReport("Dockerfile", ".", Optional.empty(), 1, 10, 0, 0, List.of(),
                        Optional.of("target/layerlint"))).replace('"', '`'));
    }
}
