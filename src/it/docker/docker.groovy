import java.math.MathContext
import java.math.RoundingMode

// Helpers shared by the verify scripts of the engine-backed integration tests and examples:
//   def helpers = evaluate(new File(basedir, '../../../src/it/docker/docker.groovy'))
//   def docker = helpers.docker     docker('image', 'inspect', ...) gives the trimmed output, or fails
//   def printed = helpers.printed   printed(1988740) gives '1.99MB', as the budget lines print sizes
return [
    docker : { String... args ->
        def process = (['docker'] + args.toList()).execute()
        def out = new StringBuilder()
        def err = new StringBuilder()
        process.waitForProcessOutput(out, err)
        assert process.exitValue() == 0: "docker ${args.join(' ')}: ${err}"
        return out.toString().trim()
    },
    // like docker images: 1000-based, three significant digits
    printed: { long bytes ->
        def value = BigDecimal.valueOf(bytes)
        def units = ['B', 'kB', 'MB', 'GB']
        int unit = 0
        while (value >= 1000 && unit < units.size() - 1) {
            value = value / 1000
            unit++
        }
        return value.round(new MathContext(3, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString() + units[unit]
    },
]
