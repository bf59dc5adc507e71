"""Build hook: the parallelism component, the costliest of the rhetoric components, is compiled from its
own Python source with Cython (the same code, about a third faster). Where Cython or a C compiler is
missing, or Cython cannot compile the module, the build goes on and the Python source runs: the output
is the same either way (tests/test_compiled.py)."""
from setuptools import setup

COMPILED = ["pipeline/rhetoric/parallelism.py"]


def extensions() -> list:
    try:
        from Cython.Build import cythonize

        # annotations are documentation here, not C types (Unit = tuple[int, int], Optional[...])
        built = cythonize(COMPILED, compiler_directives={"language_level": "3", "annotation_typing": False}, quiet=True)
    except Exception as error:  # (no Cython, or a Cython that cannot compile the module)
        print(f"xiuci: not compiling {', '.join(COMPILED)} ({error}); the Python source runs")
        return []
    for extension in built:
        extension.optional = True  # a failed C compile leaves the Python source
    return built


setup(ext_modules=extensions())
