# The two commands: `make run` and `make test`. Both install what is missing first.
# Everything else here is a step they use.
BUILD_DIR := build
DB ?= data/tilti.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test build deps deps-test unit e2e browser bench bench-scale clean asan

run: build
	@test -f $(DB) || ./$(BUILD_DIR)/tilti demo --db $(DB)
	./$(BUILD_DIR)/tilti serve --db $(DB) --listen $(LISTEN)

test: build deps-test
	@scripts/test.sh $(BUILD_DIR)

build: deps
	@test -f $(BUILD_DIR)/build.ninja || cmake --preset release >/dev/null
	cmake --build $(BUILD_DIR)

deps:
	@scripts/deps.sh build

deps-test:
	@scripts/deps.sh test

unit: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j2

e2e: build deps-test
	node --test tests/e2e/

browser: build deps-test
	node --test --test-concurrency=2 tests/browser/

asan: deps
	cmake --preset asan >/dev/null && cmake --build build-asan
	cd build-asan && ctest --output-on-failure -j2

bench: build
	bench/run.sh

# The European-scale benchmark of bench/RESULTS.md (about 2 minutes after a 40 s build of the
# large database; needs ../shared/data).
bench-scale: build
	bench/scale.sh

clean:
	rm -rf $(BUILD_DIR) build-asan
