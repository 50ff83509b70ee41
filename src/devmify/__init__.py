"""devmify: convert Linux kernel drivers to managed device resources, safely."""

__version__ = "0.1.0"
