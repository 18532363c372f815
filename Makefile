# The two entry points of the README. Each works alone on a fresh Debian 12 machine.
#   make demo   bootstrap, build, build a graph from examples/ and query it
#   make test   bootstrap, build, run every test through ctest
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
QUARRY := $(BUILD_DIR)/quarry
DEMO_DB ?= $(BUILD_DIR)/demo.db

.PHONY: all bootstrap configure build demo test format clean

all: build

bootstrap:
	@scripts/bootstrap

configure: bootstrap
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DQUARRY_WERROR=ON > /dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) -- --no-print-directory

demo: build
	@scripts/demo $(QUARRY) $(DEMO_DB)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

format:
	@git ls-files '*.cpp' '*.h' | grep -v '^engine/parser/generated/' | xargs clang-format -i

clean:
	@rm -rf $(BUILD_DIR)
