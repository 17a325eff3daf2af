"""smplan: a social media marketing plan in seven steps, in the terminal."""

__version__ = "0.1.0"
