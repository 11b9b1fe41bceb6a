"""Scrapy spiders for every source kind, their settings, and the crawl entry point."""
