// Runs this test where Docker and Podman, each with the base image, are there; skips visibly otherwise.
return evaluate(new File(basedir, '../../../src/it/docker/engine.groovy'))(binding, 'the test', ['docker', 'podman']) == null
