// Puts a stand-in model where the model pipeline would: 64 MB of zeros (a real one is gigabytes).
def models = new File(basedir, 'recommender-service/models')
models.mkdirs()
new RandomAccessFile(new File(models, 'ranker.onnx'), 'rw').withCloseable { it.setLength(64_000_000L) }

// Decides whether the runs build and inspect the images: only where a Docker engine with the
// stand-in base image is reachable. Elsewhere docker build and inspect skip visibly while lint and
// dockerignore still run, unless requireEngine is true (CI), where a missing engine fails the run.
String problem = evaluate(new File(basedir, '../../../src/it/docker/engine.groovy'))(binding, 'docker build and inspect')
def properties = new File(basedir, 'engine.properties')
if (problem == null) {
    properties.text = ''
    return true
}
properties.text = 'exec.skip=true\nlayerlint.inspect.skip=true\n'
return true
