# Two entry points: `make demo` and `make test`. Everything else is a helper for them.
BUILD ?= build
PORT ?= 8080
DB ?= var/demo.db
JOBS ?= $(shell nproc)
# ccache hits across checkouts (CI builds a fresh clone): paths relative to the tree, no directory in the hash.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps build web demo test test-unit test-api test-e2e bench format clean

all: build

deps:
	@./scripts/install-deps

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

web: deps
	cd web && npm run build

demo: build web
	@mkdir -p var
	./$(BUILD)/kreda demo --db $(DB) --port $(PORT) --logins-json var/demo-logins.json

test: build web
	./scripts/run-tests

bench: build web
	./bench/run

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) web/dist
