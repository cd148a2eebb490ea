// Runs this test where a Docker engine with the base image is reachable; skips visibly otherwise.
return evaluate(new File(basedir, '../../../src/it/docker/engine.groovy'))(binding, 'the test') == null
