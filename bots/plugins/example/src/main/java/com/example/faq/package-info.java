/**
 * An example hookbot plugin: FAQ answers from a CSV packed into the jar. Depends on hookbot's plugin API
 * ({@code io.hookbot.api}) only.
 */
package com.example.faq;
