"""The forum's pages: boards, a board's threads, a thread with its posts, editing, following,
searching."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ordito.participation import selectors
from ordito.participation.forms import PostForm, SearchForm, ThreadForm
from ordito.participation.models import Follow, Post
from ordito.participation.services import forum as services
from ordito.participation.views.errors import form_errors_from
from ordito.plans.views.lookups import plan_or_404

THREADS_PER_PAGE = 25


def forum(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    boards = selectors.board_list(plan=plan)
    return render(
        request, "participation/forum.html", {"plan": plan, "boards": boards, "form": SearchForm()}
    )


def board(request: HttpRequest, plan_slug: str, board_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    current = selectors.board_get(plan=plan, slug=board_slug)
    if current is None:
        raise Http404(_("No such board."))
    form = ThreadForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        if form.is_valid():
            try:
                thread = services.thread_create(
                    board=current,
                    author=request.user,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                )
            except ValidationError as error:
                form_errors_from(form, error)
            except PermissionDenied as refusal:
                form.add_error(None, str(refusal))
            else:
                return redirect("participation:thread", plan_slug=plan.slug, pk=thread.pk)
    threads = Paginator(selectors.thread_list(board=current), THREADS_PER_PAGE)
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request,
        "participation/board.html",
        {"plan": plan, "board": current, "page": threads.get_page(request.GET.get("page")),
         "form": form},
        status=status,
    )  # fmt: skip


def after_from(request: HttpRequest) -> int | None:
    """The `after` of a page's address, or None when absent or not a post id."""
    value = request.GET.get("after", "")
    return int(value) if value.isdigit() and len(value) < 19 else None


def thread(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    current = selectors.thread_get(plan=plan, pk=pk)
    if current is None:
        raise Http404(_("No such thread."))
    form = PostForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        if form.is_valid():
            parent_id = form.cleaned_data.get("parent")
            parent = Post.objects.filter(pk=parent_id).first() if parent_id else None
            try:
                post = services.post_create(
                    thread=current, author=request.user, body=form.cleaned_data["body"],
                    parent=parent,
                )  # fmt: skip
            except ValidationError as error:
                form_errors_from(form, error)
            except PermissionDenied as refusal:
                form.add_error(None, str(refusal))
            else:
                return redirect(f"{request.path}#post-{post.pk}")
    page = selectors.post_page(thread=current, after=after_from(request))
    following = (
        request.user.is_authenticated
        and Follow.objects.filter(thread=current, user=request.user).exists()
    )
    return render(
        request,
        "participation/thread.html",
        {"plan": plan, "board": current.board, "thread": current, "page": page, "form": form,
         "following": following},
        status=400 if form.is_bound and form.errors else 200,
    )  # fmt: skip


@require_POST
@login_required
def thread_follow(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    current = selectors.thread_get(plan=plan, pk=pk)
    if current is None:
        raise Http404(_("No such thread."))
    if request.POST.get("follow") == "0":
        services.thread_unfollow(thread=current, user=request.user)
        messages.success(request, _("You no longer follow this thread."))
    else:
        services.thread_follow(thread=current, user=request.user)
        messages.success(request, _("You follow this thread: you will be told of new posts."))
    return redirect("participation:thread", plan_slug=plan.slug, pk=current.pk)


@login_required
def post_edit(request: HttpRequest, plan_slug: str, pk: int) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    post = (
        Post.objects.filter(pk=pk, thread__board__plan=plan, is_hidden=False, author=request.user)
        .select_related("thread__board__plan")
        .first()
    )
    if post is None:
        raise Http404(_("No such post of yours."))
    form = PostForm(request.POST if request.method == "POST" else None, initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.post_edit(post=post, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            form_errors_from(form, error)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
        else:
            path = reverse(
                "participation:thread", kwargs={"plan_slug": plan.slug, "pk": post.thread_id}
            )
            return redirect(f"{path}#post-{post.pk}")
    return render(
        request,
        "participation/post_edit.html",
        {"plan": plan, "thread": post.thread, "post": post, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


def search(request: HttpRequest, plan_slug: str) -> HttpResponse:
    plan = plan_or_404(plan_slug)
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = list(selectors.post_search(plan=plan, query=query)) if query else []
    return render(
        request,
        "participation/search.html",
        {"plan": plan, "form": form, "query": query, "results": results},
    )
