from ninja import NinjaAPI

api = NinjaAPI(title="Ordito API", version="1", urls_namespace="api")
