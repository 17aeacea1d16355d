"""The rendering layer: the only code that imports rich. Every result also renders as JSON.

Import the module you need (``envsync.render.diff``, ``envsync.render.console``, ...): this
package imports nothing, so a command loads only its own renderer.
"""
