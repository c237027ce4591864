package cn.keyaccount.base.rest;

import java.util.List;

/** One page of a list: the rows, the 0-based page number, the page size and how many rows match in all. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {
}
